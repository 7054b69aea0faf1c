"""The SDK tier: the package schema generates TypeScript, Go and Python SDKs that compile."""
