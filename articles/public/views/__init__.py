"""The public pages, one module per family. Each view fetches what its page shows in a fixed
number of queries; the models' querysets decide what is public."""
