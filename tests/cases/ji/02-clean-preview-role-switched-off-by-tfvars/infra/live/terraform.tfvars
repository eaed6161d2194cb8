# Preview environments are paused until the shared preview cluster is rebuilt (PLAT-412).
enable_preview_environments = false
