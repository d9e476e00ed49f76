"""voorveld: kennisbank van het sociaal domein op de opdrachtregel."""

__version__ = "0.1.0"
