fn main() {
    std::process::exit(tables2xlsx::cli::main());
}
