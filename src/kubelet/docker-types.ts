/** The few fields of Docker 1.12's answers the kubelet reads (engine-api types). */
export interface ListedContainer {
  Id: string
  Names?: string[]
  Image?: string
  ImageID?: string
  State?: string
  Status?: string
  Created?: number
}

export interface InspectedContainer {
  Id: string
  Name?: string
  Created?: string
  Image?: string
  State?: {
    Running?: boolean
    ExitCode?: number
    StartedAt?: string
    FinishedAt?: string
    Pid?: number
  }
  Config?: { Labels?: Record<string, string> | null; Image?: string; User?: string }
  HostConfig?: { NetworkMode?: string }
  NetworkSettings?: { IPAddress?: string }
}

export interface ListedImage {
  Id: string
  RepoTags?: string[] | null
  Size?: number
}

export interface InspectedImage {
  Id: string
  RepoTags?: string[] | null
  RepoDigests?: string[] | null
  Config?: { User?: string } | null
}

export interface InspectedExec {
  ID?: string
  Running?: boolean
  ExitCode?: number
}
