"""A program that declares nothing: `pulumi import` adds to its stack."""
