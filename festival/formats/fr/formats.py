# French programmes write "14 h 30", not "14:30"; Django's French formats keep the colon. Every other
# format comes from Django's own French formats.
TIME_FORMAT = "G\xa0\\h\xa0i"
