package vn.trang.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every subcommand shares. */
final class CommonOptions {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "${env:TRANG_ROOT:-.}",
            description = "Thư mục dự án (chứa sites/, content/, themes/). Mặc định: ${DEFAULT-VALUE}")
    Path root;
}
