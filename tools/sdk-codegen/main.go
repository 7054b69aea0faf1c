// Command sdk-codegen is a Pulumi language plugin that serves GeneratePackage (and for Python
// GenerateProgram, program.go), with Pulumi's own SDK generators
// (github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,go,python}) at the pinned release. The
// Node.js, Go and Python language hosts are not on the Go module proxy, so `pulumi package
// gen-sdk --language nodejs|go` finds this binary instead, linked as pulumi-language-nodejs /
// pulumi-language-go (scripts/ensure-sdk-toolchain).
//
// Run as `pulumi-language-<lang> <engine address>` it serves gRPC and prints its port.
// Run as `sdk-codegen gen <lang> <schema.json> <out dir>` it generates an SDK directly
// (the schema bound as gen-sdk binds it), printing each diagnostic on stderr.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	lang string
}

func generate(lang string, pkg *schema.Package, extra map[string][]byte, local map[string]string,
	localSDK bool, loader schema.ReferenceLoader,
) (map[string][]byte, error) {
	tool := "pulumi-language-" + lang
	switch lang {
	case "nodejs":
		return nodejs.GeneratePackage(tool, pkg, extra, local, localSDK, loader)
	case "go":
		return gogen.GeneratePackage(tool, pkg, local)
	case "python":
		return python.GeneratePackage(tool, pkg, extra, loader)
	}
	return nil, fmt.Errorf("sdk-codegen generates nodejs, go or python, not %q", lang)
}

func bind(text []byte, loader schema.ReferenceLoader) (*schema.Package, hcl.Diagnostics, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return nil, nil, fmt.Errorf("the schema is not valid JSON: %w", err)
	}
	return schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
}

func write(dir string, files map[string][]byte) error {
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	client, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, err
	}
	defer client.Close()
	loader := schema.NewCachedLoader(client)
	pkg, diags, err := bind([]byte(req.Schema), loader)
	if err != nil {
		return nil, err
	}
	resp := &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return resp, nil
	}
	files, err := generate(h.lang, pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
	if err != nil {
		return nil, err
	}
	return resp, write(req.Directory, files)
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: "3.260.0"}, nil
}

func direct(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdk-codegen gen <nodejs|go|python> <schema.json> <out dir>")
		return 2
	}
	text, err := os.ReadFile(args[1])
	if err == nil {
		var pkg *schema.Package
		var diags hcl.Diagnostics
		pkg, diags, err = bind(text, schema.NewPluginLoader(nil))
		for _, d := range diags {
			fmt.Fprintf(os.Stderr, "%v: %s: %s\n", d.Severity, d.Summary, d.Detail)
		}
		if err == nil && diags.HasErrors() {
			err = fmt.Errorf("the schema does not bind")
		}
		if err == nil {
			var files map[string][]byte
			files, err = generate(args[0], pkg, nil, nil, false, nil)
			if err == nil {
				err = write(args[2], files)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		return 1
	}
	return 0
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "gen" {
		os.Exit(direct(os.Args[2:]))
	}
	lang := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{lang: lang})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}
