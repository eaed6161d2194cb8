image_tag     = "e5b09d4"
desired_count = 1
