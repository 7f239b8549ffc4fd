"""Recipe for the bundled Dutch pipeline: ``python -m directduidelijk.language.training {convert,train,evaluate,package,all}``.

See README.md in this folder.
"""
