ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION}-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
CMD ["gunicorn", "tidepool.wsgi:app", "-b", "0.0.0.0:8000"]
