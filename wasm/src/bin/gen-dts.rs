fn main() {
    print!("{}", o365kit_wasm::dts::generate());
}
