"""Reading a report's sentences for the figures asked: the words quoted for a figure and figures said before
their names."""
