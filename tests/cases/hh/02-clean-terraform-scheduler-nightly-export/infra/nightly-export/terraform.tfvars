image_tag          = "9c41e7b2d0a5f83c6e1b94a72d05c8e3f61ab4d7"
private_subnet_ids = ["subnet-0c2e4a6b8d0f1a3c5", "subnet-07e9b1d3f5a7c9e1b"]
