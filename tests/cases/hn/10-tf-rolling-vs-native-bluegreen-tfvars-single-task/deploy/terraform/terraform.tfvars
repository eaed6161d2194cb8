# back office is only used by the ops team: one task is plenty
admin_desired_count      = 1
storefront_desired_count = 6
