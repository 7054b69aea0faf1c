"""The native provider plugin (``pulumi-resource-ssm-contacts``): a gRPC server over the
same engines the dynamic providers serve, its package schema and its functions."""
