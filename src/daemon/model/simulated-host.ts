/** The kernel release of the simulated host: `GET /version`, `/info` and `uname -r` agree on it. */
export const KERNEL_RELEASE = '4.4.0-57-generic'
