"""What every request passes through before and after its view: the language it is answered in,
the page cache, refusal of addresses no reader types, and a log line. The cache and the client's
address are here too, for the page cache and the comment rate limit."""
