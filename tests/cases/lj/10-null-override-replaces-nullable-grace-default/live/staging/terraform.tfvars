image_tag     = "b71e0c4"
desired_count = 1
