# Written by the release bot. Do not edit by hand.
image_tag = "2024.11.3-8e1f3a9"
