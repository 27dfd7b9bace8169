# The archive's image, built by docker-compose.yml: Python 3.11 with the pinned dependencies (not the
# development tools), the interface's translations compiled, run as an unprivileged user. Migrations
# and collectstatic run at each start (docker-compose.yml's command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BIND=0.0.0.0:8000

# curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 archive

WORKDIR /app
# The dependencies in a layer of their own, built again only when pyproject.toml changes (or README.md,
# which it names as the description).
COPY pyproject.toml README.md ./
RUN pip install . && rm -rf build *.egg-info
COPY . .
# collectstatic (at each start) and uploads write to staticfiles/ and media/ (the settings' defaults),
# which belong to the app's user; compose's media volume takes its owner from the image's folder.
RUN for po in locale/*/LC_MESSAGES/django.po; do pybabel -q compile -i "$po" -o "${po%.po}.mo"; done \
    && mkdir -p staticfiles media \
    && chown archive staticfiles media

USER archive
EXPOSE 8000
CMD ["gunicorn", "-c", "python:festival.gunicorn_conf"]
