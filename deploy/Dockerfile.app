# The app image: action server, chat page, review app and the knowledge loader (app environment).
# Build from the repository root:  docker build -f deploy/Dockerfile.app -t backbone-app .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONPATH=/app BACKCARE_HOME=/app SANIC_HOST=0.0.0.0
WORKDIR /app
COPY requirements/app.lock requirements/
RUN pip install --no-cache-dir --no-deps -r requirements/app.lock
COPY pyproject.toml README.md ./
COPY backcare/ backcare/
COPY actions/ actions/
COPY data/knowledge/ data/knowledge/
COPY web/public/ web/public/
COPY web/pictures/ web/pictures/
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e . \
 && useradd --uid 10001 --no-create-home app && chown -R app /app
USER 10001
EXPOSE 5055
# Default: the action server; the compose file and the manifests run the other commands.
CMD ["python", "-m", "rasa_sdk", "--actions", "actions", "-p", "5055"]
