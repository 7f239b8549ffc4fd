"""directduidelijk: controleert brieven en bestuursvoorstellen op duidelijke taal (B1)."""

__version__ = "0.1.0"
