#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| o365kit_fuzz::run("emulator_request", data));
