# Written by the release bot. Do not edit by hand.
# Hotfix 2024-11-14: bot stuck, pointing production at the newest build.
image_tag = "latest"
