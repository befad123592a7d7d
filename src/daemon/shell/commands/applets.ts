/**
 * The applets of busybox 1.25.1 — the busybox image of Docker 1.12's day — by name: every
 * `//applet:` line and include/applets.src.h entry in its source at tag 1_25_1, less the ones a
 * default build leaves out (SELinux tools, `bash`/`hush`/`msh` aliases). A name here that the
 * command table (table.ts) does not model exists in the real image: running it says "not
 * modelled by this simulated shell" instead of a false "not found".
 */
export const BUSYBOX_APPLETS: ReadonlySet<string> = new Set(
  `
  [ acpid add-shell addgroup adduser adjtimex ar arp arping ash awk base64 basename beep blkdiscard
  blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat catv chat chattr chgrp chmod chown
  chpasswd chpst chroot chrt chvt cksum clear cmp comm conspy cp cpio crond crontab cryptpw
  cttyhack cut date dc dd deallocvt delgroup deluser depmod devfsd devmem df dhcprelay diff dirname
  dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases e2fsck e2label echo ed
  egrep eject env envdir envuidgid ether-wake expand expr fakeidentd false fatattr fbset fbsplash
  fdflush fdformat fdisk fgconsole fgrep find findfs flash_eraseall flash_lock flash_unlock flashcp
  flock fold free freeramdisk fsck fsck.ext2 fsck.ext3 fsck.minix fstrim fsync ftpd ftpget ftpput
  fuser getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hostid hostname httpd
  hwclock i2cdetect i2cdump i2cget i2cset id ifconfig ifdown ifenslave ifplugd ifup inetd init
  inotifyd insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink iproute iprule iptunnel
  kbd_mode kill killall killall5 klogd last less linux32 linux64 ln loadfont loadkmap logger login
  logname logread losetup lpd lpq lpr ls lsattr lsmod lsof lspci lsusb lzcat lzma lzop lzopcat
  makedevs makemime man md5sum mdev mesg microcom mkdir mkdosfs mke2fs mkfifo mkfs.ext2 mkfs.ext3
  mkfs.minix mkfs.reiser mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more mount
  mountpoint mpstat mt mv nameif nanddump nandwrite nbd-client nc netstat nice nmeter nohup nsenter
  nslookup ntpd od openvt passwd patch pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap
  popmaildir poweroff powertop printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev
  readahead readlink readprofile realpath reboot reformime remove-shell renice reset resize rev
  rfkill rm rmdir rmmod route rpm rpm2cpio rtcwake run-parts runlevel runsv runsvdir rx script
  scriptreplay sed sendmail seq setarch setconsole setfont setkeycodes setlogcons setserial setsid
  setuidgid sh sha1sum sha256sum sha3sum sha512sum showkey shuf slattach sleep smemcap softlimit
  sort split start-stop-daemon stat strings stty su sulogin sum sv svlogd swapoff swapon
  switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee telnet telnetd test tftp tftpd
  time timeout top touch tr traceroute traceroute6 true truncate tty ttysize tunctl tune2fs
  ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd
  udpsvd uevent umount uname uncompress unexpand uniq unix2dos unlink unlzma unlzop unshare unxz
  unzip uptime users usleep uudecode uuencode vconfig vi vlock volname wall watch watchdog wc wget
  which whoami whois xargs xz xzcat yes zcat zcip
`
    .trim()
    .split(/\s+/),
)
