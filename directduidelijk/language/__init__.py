"""Language stage: the spaCy pipeline, sentence boundaries, syllables and word counts."""
