additional_audiences = ["sigstore"]
