pub(crate) fn load(_t: &mut crate::tenant::Tenant) {}
