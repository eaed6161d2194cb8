"""Terraform: `.tf` files (python-hcl2) and `terraform show -json` plans.

(placeholder: filled in by the Terraform work)
"""
from typing import List

from .model import Document


def extract(file: str, text: str) -> List[Document]:
    return []


def extract_plan(file, data, locate, text) -> List[Document]:
    return []
