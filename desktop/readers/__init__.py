"""File readers: a file on disk -> text (or rows); bad input raises ReadError with a Chinese message."""
