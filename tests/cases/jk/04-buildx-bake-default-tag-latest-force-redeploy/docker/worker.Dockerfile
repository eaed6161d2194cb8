ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION}-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
CMD ["celery", "-A", "tidepool.tasks", "worker", "-l", "info"]
