"""GenerateProgram for our `pulumi-language-python`: PCL to Python with Pulumi's own generator.

`pulumi import --generate-code` (and `pulumi convert`) in a Python project ask the project's
language host for the program. Pulumi's generator is Go (pkg/codegen/python); sdk-codegen
(tools/sdk-codegen, built by scripts/ensure-sdk-toolchain) serves it, so the request is handed to
that binary started as `pulumi-language-python`, and its answer passed back.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import grpc
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import language_pb2, language_pb2_grpc

REPO = Path(__file__).resolve().parents[2]
SDK_CODEGEN = REPO / ".tools" / "sdk-toolchain" / "bin" / "sdk-codegen"


def generate_program(
    request: language_pb2.GenerateProgramRequest, context: grpc.ServicerContext
) -> language_pb2.GenerateProgramResponse:
    """sdk-codegen's answer to ``request`` (without sdk-codegen, an error saying how to get it)."""
    if not SDK_CODEGEN.is_file():
        context.abort(
            grpc.StatusCode.UNIMPLEMENTED,
            f"generating Python code needs {SDK_CODEGEN}: run scripts/ensure-sdk-toolchain",
        )
    process = subprocess.Popen(
        ["pulumi-language-python"],
        executable=str(SDK_CODEGEN),
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        if not port.isdigit():
            context.abort(grpc.StatusCode.INTERNAL, f"sdk-codegen did not start ({port!r})")
        with grpc.insecure_channel(f"127.0.0.1:{port}", options=_GRPC_CHANNEL_OPTIONS) as channel:
            response: language_pb2.GenerateProgramResponse = language_pb2_grpc.LanguageRuntimeStub(
                channel
            ).GenerateProgram(request)
        return response
    finally:
        process.terminate()
        process.wait(timeout=10)
