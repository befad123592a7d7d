/**
 * The data files, parsed once with their schemas. A malformed file fails loudly at import
 * time with the file, the entry id and the field path (see validate-data.ts).
 */
import dockerReleasesJson from '../../data/docker-releases.json'
import endpointsJson from '../../data/endpoints-1.24.json'
import kubernetesJson from '../../data/kubernetes.json'
import lessonsJson from '../../data/lessons.json'
import { dockerReleasesFileSchema } from './schemas/docker-releases.ts'
import { endpointsFileSchema } from './schemas/endpoints.ts'
import { kubernetesFileSchema } from './schemas/kubernetes.ts'
import { lessonsFileSchema } from './schemas/lessons.ts'
import { parseDataFile } from './validate-data.ts'

export const DATA_FILES = {
  dockerReleases: 'data/docker-releases.json',
  endpoints: 'data/endpoints-1.24.json',
  kubernetes: 'data/kubernetes.json',
  lessons: 'data/lessons.json',
} as const

export const dockerReleases = parseDataFile(
  DATA_FILES.dockerReleases,
  dockerReleasesFileSchema,
  dockerReleasesJson,
).releases

export const endpoints = parseDataFile(
  DATA_FILES.endpoints,
  endpointsFileSchema,
  endpointsJson,
).endpoints

export const kubernetesReleases = parseDataFile(
  DATA_FILES.kubernetes,
  kubernetesFileSchema,
  kubernetesJson,
).releases

export const lessons = parseDataFile(DATA_FILES.lessons, lessonsFileSchema, lessonsJson).lessons
