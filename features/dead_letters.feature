Feature: Dead letters
  Anything the scorer cannot read goes to the dead-letter topic logs.dlq, with its original bytes, the reason and
  where it came from; the messages around it are still processed.

  Background:
    Given the pipeline is running

  Scenario: Malformed, truncated, wrongly typed and oversized messages go to the dead-letter topic with a reason
    When these messages are published to logs.raw, in this order, under one key:
      | kind      | payload                                                      |
      | valid     | a complete log                                               |
      | malformed | {"log_identifier": "…", "timestamp": oops, "path": "/"}      |
      | truncated | a complete log cut off halfway                               |
      | mistyped  | a complete log whose status_code is "two hundred"            |
      | oversized | a complete log of 70,000 bytes (the limit is 65,536)         |
      | valid     | a complete log                                               |
    Then the 4 bad messages arrive in logs.dlq, each with its original bytes and a reason:
      | kind      | error.stage | error.reason contains            |
      | malformed | scorer      | invalid JSON                     |
      | truncated | scorer      | invalid JSON                     |
      | mistyped  | scorer      | status_code must be a number     |
      | oversized | scorer      | larger than the 65536 byte limit |
    And each dead letter names where it came from: topic logs.raw, the partition and offset of the original, and the time of the error
    And the 2 valid logs around them are stored

  Scenario: Poison messages of every kind are dead-lettered with their reason, and the logs around them are stored
    When these messages are produced to logs.raw by a Kafka client, in this order, under one key:
      | kind             | payload                                                                  |
      | valid            | a complete log                                                           |
      | invalid UTF-8    | a complete log whose path holds the bytes C3 28, which are not UTF-8     |
      | valid            | a complete log                                                           |
      | lone surrogate   | a complete log whose log_identifier is "\udc00", half a UTF-16 pair      |
      | absurd timestamp | a complete log whose timestamp is 1e19                                   |
      | valid            | a complete log                                                           |
      | near size limit  | a complete log of 990,000 bytes (the broker takes up to 1,000,000)       |
      | valid            | a complete log                                                           |
    Then the 4 poison messages arrive in logs.dlq, each with a reason:
      | kind             | error.reason contains            |
      | invalid UTF-8    | invalid UTF-8                    |
      | lone surrogate   | invalid text                     |
      | absurd timestamp | not a plausible epoch time       |
      | near size limit  | larger than the 65536 byte limit |
    And the dead letter of the "near size limit" message, too large to publish again whole, keeps its beginning, its size and its SHA-256
    And the 4 valid logs around them are stored
    And the consumer lag of the scorer and the writer returns to zero
