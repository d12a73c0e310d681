"""studylog: records and yearly tallies of a Party-group theoretical study central group."""

__version__ = "0.1.0"
