"""Readers' comments on articles, built on django-contrib-comments: its form (with the security hash,
timestamp and honeypot), its signals and its moderator, with the archive's rules added: one level of
replies, a rate limit per client, and no address stored. The page that takes them is the article's
(articles/public/views/articles.py); the moderation queue is in the admin (admin.py here)."""
