Feature: Resilience
  When a part of the system fails for a while, nothing is lost: once it is back, every log produced before, during
  and after the failure is stored exactly once (found by id, listed once in its time range, counted once), and
  processing resumes. Logs with known ids go in through the generator's control API, which answers once the broker
  has acknowledged them.

  The broker is taken down and brought back with the embedded Kafka resource's own commands (broker-down,
  broker-up), as an operator would from the dashboard. The clients retry the connection at least once a second
  (reconnect backoff at most 1 s), so they carry on soon after the broker returns.

  Background:
    Given the pipeline is running

  Scenario: The writer is killed mid-stream and restarted
    When 1000 logs with known ids are sent in 10 requests, one after the other
    And the writer's process is killed while it is storing them
    And the writer is started again
    Then the restarted writer stores logs again
    And every log sent is stored exactly once
    And the consumer lag of the scorer and the writer returns to zero

  @slow
  Scenario: The Kafka broker is unavailable for a while
    Given 20 normal logs with known ids have been sent and stored
    When the Kafka broker goes down
    And 20 normal logs with known ids are produced to logs.raw while it is down
    And the broker stays down for 10 seconds
    And the Kafka broker comes back
    Then the logs produced while it was down are acknowledged
    And the logs produced while it was down are scored and stored
    And the generator's own traffic is acknowledged again
    When 20 normal logs with known ids are sent
    Then every log sent is stored exactly once within 3 minutes
    And the consumer lag of the scorer and the writer returns to zero

  Scenario: The RCF endpoint is unavailable for a while
    Given 20 normal logs with known ids have been sent and stored
    When the RCF endpoint is stopped
    And 20 normal logs with known ids are sent during the outage
    Then the scorer reports that it is retrying a batch without committing, or is stuck on it
    And for 10 seconds none of the logs sent during the outage is stored
    When the RCF endpoint is started again
    And 20 normal logs with known ids are sent
    Then every log sent is stored exactly once
    And the consumer lag of the scorer and the writer returns to zero

  Scenario: DynamoDB is unavailable for longer than the stuck threshold: the writer shows as unhealthy, and nothing is lost
    A stage that cannot commit its batch says so: Degraded while it retries, Unhealthy once the batch has been
    uncommitted longer than Pipeline:Consumer:StuckThreshold (30 s by default; 15 s in this run), which Aspire shows
    as the resource's health. The stages that do not depend on the failed part stay healthy.

    Given 20 normal logs with known ids have been sent and stored
    When DynamoDB is paused
    And 20 normal logs with known ids are sent during the outage
    Then Aspire shows the writer Unhealthy once its batch has been uncommitted longer than the stuck threshold of 15 seconds, and the writer says it is stuck
    And the scorer is still healthy
    When DynamoDB is resumed
    Then Aspire shows the writer healthy again
    When 20 normal logs with known ids are sent
    Then every log sent is stored exactly once
    And the consumer lag of the scorer and the writer returns to zero
