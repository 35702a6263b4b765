/**
 * Rows as schema version 2 stored them (users, blobs, evidence, cases, caseRows,
 * commitments, consultations), frozen from one run of that version's store: a user (PIN 2468),
 * a photo, a complaint (case CF137-K07-0001), a signed commitment and a consultation on top of
 * the version-1 rows. Generated data: never edit by hand, add a new version's file instead.
 * `blobs[].blob` is the text below as an image/png Blob (a Blob is not JSON).
 */
export const V2_BLOB_TEXT = 'FAIRCASE-V2-PHOTO';
export const V2_USER_PIN = '2468';

export const V2_ROWS_JSON: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  "device": [
    {
      "key": "this",
      "id": "01JRZ8Q4W6M0000000000000D1",
      "name": "Desk 1",
      "shortCode": "K07",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "language": "en"
    }
  ],
  "fairs": [
    {
      "id": "01JRZ8Q4W6M0000000000000F1",
      "code": "CF137",
      "nameZh": "第137届广交会",
      "sessionNo": 137,
      "days": [
        {
          "date": "2025-04-15",
          "opensAt": "09:00",
          "closesAt": "17:00"
        }
      ],
      "settings": {
        "country": "CN",
        "timeZone": "Asia/Shanghai",
        "windows": {
          "acceptance": {
            "hours": 1,
            "clock": "opening"
          },
          "supplement": {
            "hours": 24,
            "clock": "elapsed"
          },
          "defence": {
            "hours": 24,
            "clock": "elapsed"
          },
          "measure": {
            "hours": 2,
            "clock": "opening"
          },
          "reviewRequest": {
            "hours": 24,
            "clock": "elapsed"
          },
          "reviewDecision": {
            "hours": 4,
            "clock": "opening"
          },
          "handover": {
            "hours": 24,
            "clock": "elapsed"
          }
        },
        "handlingMode": "workstation",
        "acceptedIpTypes": [
          "invention",
          "utility_model",
          "design",
          "trademark",
          "copyright"
        ],
        "rightJurisdictions": [
          "CN"
        ],
        "mediationAllowed": true,
        "voluntaryRemovalCloses": true,
        "reviewAllowed": true,
        "requireBadge": false,
        "requireEvaluationReport": false,
        "onlineExhibition": false,
        "commitmentRequired": true,
        "commitmentTemplate": "v1",
        "opinionMinExperts": 1,
        "repeatRule": {
          "kind": "national_baseline"
        },
        "frequentComplainant": {
          "minNotEstablished": 3,
          "minShare": 0.5
        },
        "measuresEnabled": [
          "WITHDRAW_EXHIBIT",
          "COVER",
          "DETAIN",
          "REMOVE_LITERATURE",
          "REPLACE_BOARD"
        ],
        "refusalReasons": [
          "NR_INCOMPLETE",
          "NR_OTHER"
        ],
        "uiLanguages": [
          "zh-CN",
          "en"
        ],
        "noticeLanguages": [
          "zh-CN",
          "en"
        ],
        "authorities": [],
        "booth": {
          "hall": "^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$",
          "stand": "^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$"
        },
        "unsyncedReminderHours": 4,
        "publicFormIdleSeconds": 180
      }
    }
  ],
  "exhibitors": [
    {
      "id": "01JRZ8Q4W6M0000000000000E1",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "nameZh": "福州某某公司",
      "country": "CN",
      "uscc": "91350100M000100Y43",
      "booths": [
        {
          "hall": "1.1",
          "stand": "A01"
        }
      ],
      "contacts": [],
      "createdAt": "2025-04-15T01:00:00.000Z",
      "createdBy": "01JRZ8Q4W6M0000000000000D1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "boothKeys": [
        "01JRZ8Q4W6M0000000000000F1|1.1/A01"
      ],
      "search": [
        "01JRZ8Q4W6M0000000000000F1|1.1/A01",
        "01JRZ8Q4W6M0000000000000F1|A01",
        "01JRZ8Q4W6M0000000000000F1|福州某某公司",
        "01JRZ8Q4W6M0000000000000F1|91350100M000100Y43"
      ]
    }
  ],
  "drafts": [
    {
      "key": "fair:new",
      "form": "fair-setup",
      "data": {
        "code": "CF1"
      },
      "updatedAt": "2025-04-15T01:00:00.000Z",
      "public": false
    }
  ],
  "items": [
    {
      "id": "01JRZ8Q4W6M000000000000001",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 1,
      "hlc": "001744678800000-0001-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:00:00.000Z",
      "kind": "fair",
      "entityId": "01JRZ8Q4W6M0000000000000F1",
      "payload": {
        "id": "01JRZ8Q4W6M0000000000000F1",
        "code": "CF137",
        "nameZh": "第137届广交会",
        "sessionNo": 137,
        "days": [
          {
            "date": "2025-04-15",
            "opensAt": "09:00",
            "closesAt": "17:00"
          }
        ],
        "settings": {
          "country": "CN",
          "timeZone": "Asia/Shanghai",
          "windows": {
            "acceptance": {
              "hours": 1,
              "clock": "opening"
            },
            "supplement": {
              "hours": 24,
              "clock": "elapsed"
            },
            "defence": {
              "hours": 24,
              "clock": "elapsed"
            },
            "measure": {
              "hours": 2,
              "clock": "opening"
            },
            "reviewRequest": {
              "hours": 24,
              "clock": "elapsed"
            },
            "reviewDecision": {
              "hours": 4,
              "clock": "opening"
            },
            "handover": {
              "hours": 24,
              "clock": "elapsed"
            }
          },
          "handlingMode": "workstation",
          "acceptedIpTypes": [
            "invention",
            "utility_model",
            "design",
            "trademark",
            "copyright"
          ],
          "rightJurisdictions": [
            "CN"
          ],
          "mediationAllowed": true,
          "voluntaryRemovalCloses": true,
          "reviewAllowed": true,
          "requireBadge": false,
          "requireEvaluationReport": false,
          "onlineExhibition": false,
          "commitmentRequired": true,
          "commitmentTemplate": "v1",
          "opinionMinExperts": 1,
          "repeatRule": {
            "kind": "national_baseline"
          },
          "frequentComplainant": {
            "minNotEstablished": 3,
            "minShare": 0.5
          },
          "measuresEnabled": [
            "WITHDRAW_EXHIBIT",
            "COVER",
            "DETAIN",
            "REMOVE_LITERATURE",
            "REPLACE_BOARD"
          ],
          "refusalReasons": [
            "NR_INCOMPLETE",
            "NR_OTHER"
          ],
          "uiLanguages": [
            "zh-CN",
            "en"
          ],
          "noticeLanguages": [
            "zh-CN",
            "en"
          ],
          "authorities": [],
          "booth": {
            "hall": "^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$",
            "stand": "^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$"
          },
          "unsyncedReminderHours": 4,
          "publicFormIdleSeconds": 180
        }
      }
    },
    {
      "id": "01JRZ8Q4W6M000000000000002",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 2,
      "hlc": "001744678800000-0002-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:00:00.000Z",
      "kind": "exhibitor",
      "entityId": "01JRZ8Q4W6M0000000000000E1",
      "payload": {
        "id": "01JRZ8Q4W6M0000000000000E1",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "nameZh": "福州某某公司",
        "country": "CN",
        "uscc": "91350100M000100Y43",
        "booths": [
          {
            "hall": "1.1",
            "stand": "A01"
          }
        ],
        "contacts": [],
        "createdAt": "2025-04-15T01:00:00.000Z",
        "createdBy": "01JRZ8Q4W6M0000000000000D1",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "boothKeys": [
          "01JRZ8Q4W6M0000000000000F1|1.1/A01"
        ],
        "search": [
          "01JRZ8Q4W6M0000000000000F1|1.1/A01",
          "01JRZ8Q4W6M0000000000000F1|A01",
          "01JRZ8Q4W6M0000000000000F1|福州某某公司",
          "01JRZ8Q4W6M0000000000000F1|91350100M000100Y43"
        ]
      }
    },
    {
      "id": "01M88C00578ZHA5BF7F04YSWPP",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 3,
      "hlc": "001744679220000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:07:00.000Z",
      "kind": "evidence_meta",
      "entityId": "01M88C0052VBF6YGCQXSNZYRDG",
      "payload": {
        "id": "01M88C0052VBF6YGCQXSNZYRDG",
        "kind": "photo",
        "sha256": "94414dd97a7a248c29bf59b7fe3560a2a61f5a7f622ca49cd4c9b1aff665feb8",
        "mime": "image/png",
        "bytes": 17,
        "capturedAt": "2025-04-15T01:06:00.000Z",
        "capturedBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1"
      }
    },
    {
      "id": "01M88C006KR3Z67T8XWXT0BNX3",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 4,
      "hlc": "001744679280000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:08:00.000Z",
      "kind": "case_event",
      "entityId": "01M88C006KR3Z67T8XWXT0BNX1",
      "payload": {
        "id": "01M88C006KR3Z67T8XWXT0BNX3",
        "caseId": "01M88C006KR3Z67T8XWXT0BNX1",
        "type": "Submit",
        "actor": {
          "userId": "01M88C004YFY2VXXRA08SBG9QH",
          "role": "clerk"
        },
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "at": "2025-04-15T01:08:00.000Z",
        "hlc": "001744679280000-0000-01JRZ8Q4W6M0000000000000D1",
        "parents": [],
        "payload": {
          "fairId": "01JRZ8Q4W6M0000000000000F1",
          "channel": "desk",
          "receivedAt": "2025-04-15T01:08:00.000Z",
          "complainant": {
            "role": "complainant",
            "kind": "entity",
            "name": "广州某某科技有限公司",
            "country": "CN",
            "phone": "+8613800138000"
          },
          "rights": [
            {
              "type": "invention",
              "number": "201710601862.3",
              "title": "一种折叠装置",
              "holder": "福州某某科技有限公司",
              "jurisdiction": "CN",
              "status": "valid",
              "statusSource": "certificate"
            }
          ],
          "accusedItems": [
            {
              "description": "折叠椅",
              "evidenceIds": [
                "01M88C0052VBF6YGCQXSNZYRDG"
              ]
            }
          ],
          "checklist": [
            {
              "code": "GEN-01",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-02",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-03",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-04",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-05",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-06",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-07",
              "required": false,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-01",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-02",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-03",
              "required": true,
              "status": "missing",
              "originalSighted": false
            }
          ],
          "experts": [],
          "signatureEvidenceId": "01M88C0052VBF6YGCQXSNZYRDG",
          "complaintId": "01M88C006KR3Z67T8XWXT0BNX0",
          "respondent": {
            "exhibitorKey": "CN:91350100M000100Y43",
            "name": "福州某某公司",
            "booth": {
              "hall": "1.1",
              "stand": "A01"
            }
          },
          "caseNo": "CF137-K07-0001-Q",
          "flags": [
            "NO_COMMITMENT"
          ],
          "foreignRelated": false,
          "acceptanceDue": {
            "kind": "acceptance",
            "window": {
              "hours": 1,
              "clock": "opening"
            },
            "startedAt": "2025-04-15T01:08:00.000Z",
            "dueAt": "2025-04-15T02:08:00.000Z",
            "capped": false
          }
        }
      }
    },
    {
      "id": "01M88C008CBPD9M7325FSTJY24",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 5,
      "hlc": "001744679400000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:10:00.000Z",
      "kind": "commitment",
      "entityId": "01M88C007WWZRVSM3ABQQ63NCC",
      "payload": {
        "status": "signed",
        "id": "01M88C007WWZRVSM3ABQQ63NCC",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "exhibitorKey": "CN:91350100M000100Y43",
        "booths": [
          {
            "hall": "1.1",
            "stand": "A01"
          }
        ],
        "templateVersion": "v1",
        "clausesAccepted": [
          "CL1",
          "CL2",
          "CL3",
          "CL4",
          "CL5",
          "CL6",
          "CL7",
          "CL8",
          "CL9"
        ],
        "declaredRights": [],
        "signer": {
          "name": "陈经理",
          "title": "总经理",
          "phone": "+8613800138000"
        },
        "version": 1,
        "createdAt": "2025-04-15T01:09:00.000Z",
        "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "signatureEvidenceId": "01M88C0052VBF6YGCQXSNZYRDG",
        "signedAt": "2025-04-15T01:09:00.000Z",
        "channel": "kiosk",
        "contentHash": "e6a85cb104ceb366bc78503321cb62748c2c98be41e1dec1734bb60c9a61adb7"
      }
    },
    {
      "id": "01M88C008F8Q8EPSM7N84TZ7Y3",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 6,
      "hlc": "001744679520000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:12:00.000Z",
      "kind": "consultation",
      "entityId": "01M88C008DD8YTRBSVA5F63R58",
      "payload": {
        "id": "01M88C008DD8YTRBSVA5F63R58",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "at": "2025-04-15T01:11:00.000Z",
        "channel": "desk",
        "askerKind": "exhibitor",
        "topic": "procedure",
        "opinionGiven": false,
        "createdAt": "2025-04-15T01:12:00.000Z",
        "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "language": "zh-CN"
      }
    }
  ],
  "outbox": [
    {
      "id": "01JRZ8Q4W6M000000000000001",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 1,
      "hlc": "001744678800000-0001-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:00:00.000Z",
      "kind": "fair",
      "entityId": "01JRZ8Q4W6M0000000000000F1",
      "payload": {
        "id": "01JRZ8Q4W6M0000000000000F1",
        "code": "CF137",
        "nameZh": "第137届广交会",
        "sessionNo": 137,
        "days": [
          {
            "date": "2025-04-15",
            "opensAt": "09:00",
            "closesAt": "17:00"
          }
        ],
        "settings": {
          "country": "CN",
          "timeZone": "Asia/Shanghai",
          "windows": {
            "acceptance": {
              "hours": 1,
              "clock": "opening"
            },
            "supplement": {
              "hours": 24,
              "clock": "elapsed"
            },
            "defence": {
              "hours": 24,
              "clock": "elapsed"
            },
            "measure": {
              "hours": 2,
              "clock": "opening"
            },
            "reviewRequest": {
              "hours": 24,
              "clock": "elapsed"
            },
            "reviewDecision": {
              "hours": 4,
              "clock": "opening"
            },
            "handover": {
              "hours": 24,
              "clock": "elapsed"
            }
          },
          "handlingMode": "workstation",
          "acceptedIpTypes": [
            "invention",
            "utility_model",
            "design",
            "trademark",
            "copyright"
          ],
          "rightJurisdictions": [
            "CN"
          ],
          "mediationAllowed": true,
          "voluntaryRemovalCloses": true,
          "reviewAllowed": true,
          "requireBadge": false,
          "requireEvaluationReport": false,
          "onlineExhibition": false,
          "commitmentRequired": true,
          "commitmentTemplate": "v1",
          "opinionMinExperts": 1,
          "repeatRule": {
            "kind": "national_baseline"
          },
          "frequentComplainant": {
            "minNotEstablished": 3,
            "minShare": 0.5
          },
          "measuresEnabled": [
            "WITHDRAW_EXHIBIT",
            "COVER",
            "DETAIN",
            "REMOVE_LITERATURE",
            "REPLACE_BOARD"
          ],
          "refusalReasons": [
            "NR_INCOMPLETE",
            "NR_OTHER"
          ],
          "uiLanguages": [
            "zh-CN",
            "en"
          ],
          "noticeLanguages": [
            "zh-CN",
            "en"
          ],
          "authorities": [],
          "booth": {
            "hall": "^[0-9A-Z]{1,4}(\\.[0-9]{1,2})?$",
            "stand": "^[0-9A-Z]{1,6}(-[0-9A-Z]{1,4})?$"
          },
          "unsyncedReminderHours": 4,
          "publicFormIdleSeconds": 180
        }
      }
    },
    {
      "id": "01JRZ8Q4W6M000000000000002",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 2,
      "hlc": "001744678800000-0002-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:00:00.000Z",
      "kind": "exhibitor",
      "entityId": "01JRZ8Q4W6M0000000000000E1",
      "payload": {
        "id": "01JRZ8Q4W6M0000000000000E1",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "nameZh": "福州某某公司",
        "country": "CN",
        "uscc": "91350100M000100Y43",
        "booths": [
          {
            "hall": "1.1",
            "stand": "A01"
          }
        ],
        "contacts": [],
        "createdAt": "2025-04-15T01:00:00.000Z",
        "createdBy": "01JRZ8Q4W6M0000000000000D1",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "boothKeys": [
          "01JRZ8Q4W6M0000000000000F1|1.1/A01"
        ],
        "search": [
          "01JRZ8Q4W6M0000000000000F1|1.1/A01",
          "01JRZ8Q4W6M0000000000000F1|A01",
          "01JRZ8Q4W6M0000000000000F1|福州某某公司",
          "01JRZ8Q4W6M0000000000000F1|91350100M000100Y43"
        ]
      }
    },
    {
      "id": "01M88C00578ZHA5BF7F04YSWPP",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 3,
      "hlc": "001744679220000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:07:00.000Z",
      "kind": "evidence_meta",
      "entityId": "01M88C0052VBF6YGCQXSNZYRDG",
      "payload": {
        "id": "01M88C0052VBF6YGCQXSNZYRDG",
        "kind": "photo",
        "sha256": "94414dd97a7a248c29bf59b7fe3560a2a61f5a7f622ca49cd4c9b1aff665feb8",
        "mime": "image/png",
        "bytes": 17,
        "capturedAt": "2025-04-15T01:06:00.000Z",
        "capturedBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1"
      }
    },
    {
      "id": "01M88C006KR3Z67T8XWXT0BNX3",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 4,
      "hlc": "001744679280000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:08:00.000Z",
      "kind": "case_event",
      "entityId": "01M88C006KR3Z67T8XWXT0BNX1",
      "payload": {
        "id": "01M88C006KR3Z67T8XWXT0BNX3",
        "caseId": "01M88C006KR3Z67T8XWXT0BNX1",
        "type": "Submit",
        "actor": {
          "userId": "01M88C004YFY2VXXRA08SBG9QH",
          "role": "clerk"
        },
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "at": "2025-04-15T01:08:00.000Z",
        "hlc": "001744679280000-0000-01JRZ8Q4W6M0000000000000D1",
        "parents": [],
        "payload": {
          "fairId": "01JRZ8Q4W6M0000000000000F1",
          "channel": "desk",
          "receivedAt": "2025-04-15T01:08:00.000Z",
          "complainant": {
            "role": "complainant",
            "kind": "entity",
            "name": "广州某某科技有限公司",
            "country": "CN",
            "phone": "+8613800138000"
          },
          "rights": [
            {
              "type": "invention",
              "number": "201710601862.3",
              "title": "一种折叠装置",
              "holder": "福州某某科技有限公司",
              "jurisdiction": "CN",
              "status": "valid",
              "statusSource": "certificate"
            }
          ],
          "accusedItems": [
            {
              "description": "折叠椅",
              "evidenceIds": [
                "01M88C0052VBF6YGCQXSNZYRDG"
              ]
            }
          ],
          "checklist": [
            {
              "code": "GEN-01",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-02",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-03",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-04",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-05",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-06",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "GEN-07",
              "required": false,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-01",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-02",
              "required": true,
              "status": "missing",
              "originalSighted": false
            },
            {
              "code": "PAT-03",
              "required": true,
              "status": "missing",
              "originalSighted": false
            }
          ],
          "experts": [],
          "signatureEvidenceId": "01M88C0052VBF6YGCQXSNZYRDG",
          "complaintId": "01M88C006KR3Z67T8XWXT0BNX0",
          "respondent": {
            "exhibitorKey": "CN:91350100M000100Y43",
            "name": "福州某某公司",
            "booth": {
              "hall": "1.1",
              "stand": "A01"
            }
          },
          "caseNo": "CF137-K07-0001-Q",
          "flags": [
            "NO_COMMITMENT"
          ],
          "foreignRelated": false,
          "acceptanceDue": {
            "kind": "acceptance",
            "window": {
              "hours": 1,
              "clock": "opening"
            },
            "startedAt": "2025-04-15T01:08:00.000Z",
            "dueAt": "2025-04-15T02:08:00.000Z",
            "capped": false
          }
        }
      }
    },
    {
      "id": "01M88C008CBPD9M7325FSTJY24",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 5,
      "hlc": "001744679400000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:10:00.000Z",
      "kind": "commitment",
      "entityId": "01M88C007WWZRVSM3ABQQ63NCC",
      "payload": {
        "status": "signed",
        "id": "01M88C007WWZRVSM3ABQQ63NCC",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "exhibitorKey": "CN:91350100M000100Y43",
        "booths": [
          {
            "hall": "1.1",
            "stand": "A01"
          }
        ],
        "templateVersion": "v1",
        "clausesAccepted": [
          "CL1",
          "CL2",
          "CL3",
          "CL4",
          "CL5",
          "CL6",
          "CL7",
          "CL8",
          "CL9"
        ],
        "declaredRights": [],
        "signer": {
          "name": "陈经理",
          "title": "总经理",
          "phone": "+8613800138000"
        },
        "version": 1,
        "createdAt": "2025-04-15T01:09:00.000Z",
        "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "signatureEvidenceId": "01M88C0052VBF6YGCQXSNZYRDG",
        "signedAt": "2025-04-15T01:09:00.000Z",
        "channel": "kiosk",
        "contentHash": "e6a85cb104ceb366bc78503321cb62748c2c98be41e1dec1734bb60c9a61adb7"
      }
    },
    {
      "id": "01M88C008F8Q8EPSM7N84TZ7Y3",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "seq": 6,
      "hlc": "001744679520000-0000-01JRZ8Q4W6M0000000000000D1",
      "at": "2025-04-15T01:12:00.000Z",
      "kind": "consultation",
      "entityId": "01M88C008DD8YTRBSVA5F63R58",
      "payload": {
        "id": "01M88C008DD8YTRBSVA5F63R58",
        "fairId": "01JRZ8Q4W6M0000000000000F1",
        "at": "2025-04-15T01:11:00.000Z",
        "channel": "desk",
        "askerKind": "exhibitor",
        "topic": "procedure",
        "opinionGiven": false,
        "createdAt": "2025-04-15T01:12:00.000Z",
        "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "language": "zh-CN"
      }
    }
  ],
  "meta": [
    {
      "key": "caseSeq|01JRZ8Q4W6M0000000000000F1",
      "value": 1
    },
    {
      "key": "language",
      "value": "en"
    },
    {
      "key": "log",
      "value": {
        "deviceId": "01JRZ8Q4W6M0000000000000D1",
        "seq": 6,
        "hlc": "001744679520000-0000-01JRZ8Q4W6M0000000000000D1"
      }
    },
    {
      "key": "persistence",
      "value": {
        "askedAt": "2025-04-15T01:05:00.000Z",
        "granted": false,
        "supported": false
      }
    }
  ],
  "users": [
    {
      "id": "01M88C004YFY2VXXRA08SBG9QH",
      "name": "王芳",
      "role": "expert",
      "active": true,
      "pinHash": "973f45d7dd6605b5b0d01325d31fd4eb78d7254091015b26feaa196653459842",
      "salt": "8ffd0c9d5cf165618666e89695752998",
      "iterations": 100000,
      "createdAt": "2025-04-15T01:05:00.000Z"
    }
  ],
  "blobs": [
    {
      "sha256": "94414dd97a7a248c29bf59b7fe3560a2a61f5a7f622ca49cd4c9b1aff665feb8",
      "blob": "BLOB",
      "mime": "image/png",
      "bytes": 17
    }
  ],
  "evidence": [
    {
      "id": "01M88C0052VBF6YGCQXSNZYRDG",
      "kind": "photo",
      "sha256": "94414dd97a7a248c29bf59b7fe3560a2a61f5a7f622ca49cd4c9b1aff665feb8",
      "mime": "image/png",
      "bytes": 17,
      "capturedAt": "2025-04-15T01:06:00.000Z",
      "capturedBy": "01M88C004YFY2VXXRA08SBG9QH",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "fairId": "01JRZ8Q4W6M0000000000000F1"
    }
  ],
  "cases": [
    {
      "id": "01M88C006KR3Z67T8XWXT0BNX1",
      "caseNo": "CF137-K07-0001-Q",
      "complaintId": "01M88C006KR3Z67T8XWXT0BNX0",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "channel": "desk",
      "receivedAt": "2025-04-15T01:08:00.000Z",
      "complainant": {
        "role": "complainant",
        "kind": "entity",
        "name": "广州某某科技有限公司",
        "country": "CN",
        "phone": "+8613800138000"
      },
      "respondent": {
        "exhibitorKey": "CN:91350100M000100Y43",
        "name": "福州某某公司",
        "booth": {
          "hall": "1.1",
          "stand": "A01"
        }
      },
      "rights": [
        {
          "type": "invention",
          "number": "201710601862.3",
          "title": "一种折叠装置",
          "holder": "福州某某科技有限公司",
          "jurisdiction": "CN",
          "status": "valid",
          "statusSource": "certificate"
        }
      ],
      "accusedItems": [
        {
          "description": "折叠椅",
          "evidenceIds": [
            "01M88C0052VBF6YGCQXSNZYRDG"
          ]
        }
      ],
      "checklist": [
        {
          "code": "GEN-01",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-02",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-03",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-04",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-05",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-06",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "GEN-07",
          "required": false,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "PAT-01",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "PAT-02",
          "required": true,
          "status": "missing",
          "originalSighted": false
        },
        {
          "code": "PAT-03",
          "required": true,
          "status": "missing",
          "originalSighted": false
        }
      ],
      "experts": [],
      "flags": [
        "NO_COMMITMENT"
      ],
      "foreignRelated": false,
      "state": "RECEIVED",
      "deadlines": {
        "acceptance": {
          "kind": "acceptance",
          "window": {
            "hours": 1,
            "clock": "opening"
          },
          "startedAt": "2025-04-15T01:08:00.000Z",
          "dueAt": "2025-04-15T02:08:00.000Z",
          "capped": false
        }
      },
      "measures": [],
      "review": {
        "requestedBy": [],
        "decisions": []
      },
      "fairClosed": false,
      "notes": [],
      "conflicts": [],
      "heads": [
        "01M88C006KR3Z67T8XWXT0BNX3"
      ],
      "lastHlc": "001744679280000-0000-01JRZ8Q4W6M0000000000000D1",
      "updatedAt": "2025-04-15T01:08:00.000Z",
      "eventCount": 1,
      "complainantKey": "NAME:广州某某科技有限公司",
      "respondentKey": "CN:91350100M000100Y43"
    }
  ],
  "caseRows": [
    {
      "id": "01M88C006KR3Z67T8XWXT0BNX1",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "caseNo": "CF137-K07-0001-Q",
      "complaintId": "01M88C006KR3Z67T8XWXT0BNX0",
      "complainant": "广州某某科技有限公司",
      "complainantKey": "NAME:广州某某科技有限公司",
      "respondent": "福州某某公司",
      "respondentKey": "CN:91350100M000100Y43",
      "booth": "1.1/A01",
      "hall": "1.1",
      "state": "RECEIVED",
      "ipTypes": [
        "invention"
      ],
      "experts": [],
      "flags": [
        "NO_COMMITMENT"
      ],
      "nextDeadline": {
        "kind": "acceptance",
        "window": {
          "hours": 1,
          "clock": "opening"
        },
        "startedAt": "2025-04-15T01:08:00.000Z",
        "dueAt": "2025-04-15T02:08:00.000Z",
        "capped": false
      },
      "receivedAt": "2025-04-15T01:08:00.000Z",
      "updatedAt": "2025-04-15T01:08:00.000Z"
    }
  ],
  "commitments": [
    {
      "status": "signed",
      "id": "01M88C007WWZRVSM3ABQQ63NCC",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "exhibitorKey": "CN:91350100M000100Y43",
      "booths": [
        {
          "hall": "1.1",
          "stand": "A01"
        }
      ],
      "templateVersion": "v1",
      "clausesAccepted": [
        "CL1",
        "CL2",
        "CL3",
        "CL4",
        "CL5",
        "CL6",
        "CL7",
        "CL8",
        "CL9"
      ],
      "declaredRights": [],
      "signer": {
        "name": "陈经理",
        "title": "总经理",
        "phone": "+8613800138000"
      },
      "version": 1,
      "createdAt": "2025-04-15T01:09:00.000Z",
      "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "signatureEvidenceId": "01M88C0052VBF6YGCQXSNZYRDG",
      "signedAt": "2025-04-15T01:09:00.000Z",
      "channel": "kiosk",
      "contentHash": "e6a85cb104ceb366bc78503321cb62748c2c98be41e1dec1734bb60c9a61adb7"
    }
  ],
  "consultations": [
    {
      "id": "01M88C008DD8YTRBSVA5F63R58",
      "fairId": "01JRZ8Q4W6M0000000000000F1",
      "at": "2025-04-15T01:11:00.000Z",
      "channel": "desk",
      "askerKind": "exhibitor",
      "topic": "procedure",
      "opinionGiven": false,
      "createdAt": "2025-04-15T01:12:00.000Z",
      "createdBy": "01M88C004YFY2VXXRA08SBG9QH",
      "deviceId": "01JRZ8Q4W6M0000000000000D1",
      "language": "zh-CN"
    }
  ]
};
