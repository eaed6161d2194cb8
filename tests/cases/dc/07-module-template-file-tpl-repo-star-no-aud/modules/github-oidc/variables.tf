variable "name" {
  type = string
}

variable "full_repository_name" {
  type = string
}

variable "client_id_list" {
  type = list(string)
}
