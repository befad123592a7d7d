import { goJSON } from '../daemon/index.ts'
import { corruptTar, create, err, tarLink, tarWith } from './helpers.ts'
import type { Scenario, ScenarioStep } from './types.ts'

/**
 * Archive paths at v1.12.6: the `path` parameter is joined in the scope of the container's root
 * (container.GetResourcePath), and PUT extracts through chrootarchive.Untar, whose docker-untar
 * child chroots into the extraction directory and unpacks to "/": member names that climb
 * (`../../../tmp/x`, `a/../../b`) or are absolute land inside that directory, and hard links
 * resolve inside it too. No `..` ever reaches /changes, /export or a later archive GET.
 * @see moby daemon/archive.go containerExtractToDir, container/container.go GetResourcePath,
 *   pkg/chrootarchive/archive_unix.go untar, pkg/archive/archive.go Unpack at v1.12.6
 */

const put = (path: string, body: string, status = 200): ScenarioStep => ({
  method: 'PUT',
  path: `/containers/web/archive?path=${encodeURIComponent(path)}`,
  body,
  contentType: 'application/x-tar',
  status,
})

export const archivePathScenarios: Scenario[] = [
  {
    name: 'archive PUT: path=../../etc is the container’s /etc (scoped join)',
    endpointId: 'ContainerGetArchive',
    setup: [create('web'), put('../../etc', tarWith('x.conf', 'hello\n'))],
    request: { method: 'GET', path: '/containers/web/archive?path=/etc/x.conf' },
    expect: { status: 200, body: { contains: 'hello\n' } },
    source: 'container/container.go GetResourcePath (symlink.FollowSymlinkInScope)',
  },
  {
    name: 'archive PUT: after path=../../etc, /changes lists /etc paths only',
    endpointId: 'ContainerChanges',
    setup: [create('web'), put('../../etc', tarWith('x.conf', 'hello\n'))],
    request: { method: 'GET', path: '/containers/web/changes' },
    expect: {
      status: 200,
      body: goJSON([
        { Path: '/etc', Kind: 0 },
        { Path: '/etc/x.conf', Kind: 1 },
      ]),
    },
  },
  {
    name: 'archive PUT: a member ../../../tmp/x stays inside the extraction directory',
    endpointId: 'ContainerChanges',
    setup: [create('web'), put('/tmp', tarWith('../../../tmp/x', 'climbed\n'))],
    request: { method: 'GET', path: '/containers/web/changes' },
    expect: {
      status: 200,
      body: goJSON([
        { Path: '/tmp', Kind: 0 },
        { Path: '/tmp/tmp', Kind: 0 },
        { Path: '/tmp/tmp/x', Kind: 1 },
      ]),
    },
    source: 'pkg/chrootarchive/archive_unix.go untar (chroot, then archive.Unpack to "/")',
  },
  {
    name: 'archive PUT: a member a/../../b is cleaned to /b under the directory',
    endpointId: 'ContainerGetArchive',
    setup: [create('web'), put('/tmp', tarWith('a/../../b', 'bee\n'))],
    request: { method: 'GET', path: '/containers/web/archive?path=/tmp/b' },
    expect: { status: 200, body: { contains: 'bee\n' } },
  },
  {
    name: 'archive PUT: an absolute member /etc/passwd lands under the directory',
    endpointId: 'ContainerGetArchive',
    setup: [create('web'), put('/tmp', tarWith('/etc/passwd', 'evil\n'))],
    request: { method: 'GET', path: '/containers/web/archive?path=/etc/passwd' },
    // The container's own /etc/passwd is untouched; the member is /tmp/etc/passwd.
    expect: { status: 200, body: { contains: 'root:x:0:0:root' } },
  },
  {
    name: 'archive PUT: a hard link pointing out resolves inside the directory (os.Link error, 404)',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/tmp',
      body: tarLink('evil', '../../../etc/passwd', '1'),
      contentType: 'application/x-tar',
    },
    expect: {
      status: 404,
      body: err(
        'Error processing tar file(exit status 1): link /etc/passwd /evil: no such file or directory',
      ),
    },
    source: 'pkg/archive/archive.go createTarFile (TypeLink, extractDir "/" in the chroot)',
  },
  {
    name: 'archive PUT: a symbolic link pointing out is accepted (not modelled: not stored)',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/tmp',
      body: tarLink('out', '../../../../etc', '2'),
      contentType: 'application/x-tar',
    },
    expect: { status: 200 },
  },
  {
    name: 'archive PUT: a header with a bad checksum is archive/tar’s invalid header',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/tmp',
      body: corruptTar(tarWith('x', 'y')),
      contentType: 'application/x-tar',
    },
    expect: {
      status: 500,
      body: err('Error processing tar file(exit status 1): archive/tar: invalid tar header'),
    },
    source: 'Go 1.6 archive/tar reader.go (checksum) via pkg/chrootarchive invokeUnpack',
  },
  {
    name: 'archive GET: path=/tmp/../etc is /etc, with the files put there',
    endpointId: 'ContainerGetArchive',
    setup: [create('web'), put('/etc', tarWith('x.conf', 'hello\n'))],
    request: { method: 'GET', path: '/containers/web/archive?path=/tmp/../etc' },
    expect: { status: 200, body: { contains: 'etc/x.conf\u0000' } },
  },
  {
    name: 'export: after path=../../etc the tar holds etc/x.conf',
    endpointId: 'ContainerExport',
    setup: [create('web'), put('../../etc', tarWith('x.conf', 'hello\n'))],
    request: { method: 'GET', path: '/containers/web/export' },
    expect: { status: 200, body: { contains: 'etc/x.conf\u0000' } },
  },
]
