private_subnet_ids       = ["subnet-0f1a3c5e7b9d2f468", "subnet-0b2d4f6a8c1e3b579"]
worker_security_group_id = "sg-0d3f5a7c9e1b2d468"
image_tag                = "r2024.09.3"

workers = {
  ingest = {
    queue_name    = "docflow-ingest"
    command       = ["python", "-m", "docflow.workers.ingest"]
    cpu           = 8192
    memory        = 20480
    desired_count = 2
  }

  thumbnailer = {
    queue_name = "docflow-thumbnails"
    command    = ["node", "dist/thumbnailer.js"]
    cpu        = 8192
    memory     = 18432
  }

  # Renders DOCX/PDF with the .NET Framework 4.8 Office interop stack.
  pdf-renderer = {
    queue_name = "docflow-render"
    command    = ["C:\\app\\Renderer.exe", "--queue", "docflow-render"]
    os_family  = "WINDOWS_SERVER_2022_CORE"
  }
}
