/** Below antd's md breakpoint (768px) the app switches to its phone layout (no imports: the entry script uses it). */
export const PHONE_QUERY = '(max-width: 767.98px)';
