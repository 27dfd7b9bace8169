"""The pages readers see: one view module per family of pages (views/), what they filter quotes by,
the feeds, the sitemap and what search engines read of each page."""
