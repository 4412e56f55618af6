"""Typed fedora-messaging schemas for Pagure: pagure.io and Fedora's dist-git (src.fedoraproject.org)."""

from fedora_bus_schemas_core import warn_about_conflicts

from .base import GitMessage, IssueMessage, PagureMessage, ProjectMessage, PullRequestMessage
from .commit import (
    CommitFlagAddedV1,
    CommitFlagUpdatedV1,
)
from .git import (
    GitBranchCreationV1,
    GitBranchDeletionV1,
    GitReceiveV1,
    GitTagCreationV1,
    GitTagDeletionV1,
)
from .group import (
    GroupEditV1,
)
from .issue import (
    IssueAssignedAddedV1,
    IssueAssignedResetV1,
    IssueCommentAddedV1,
    IssueCommentEditedV1,
    IssueDependencyAddedV1,
    IssueDependencyRemovedV1,
    IssueDropV1,
    IssueEditV1,
    IssueNewV1,
    IssueTagAddedV1,
    IssueTagRemovedV1,
)
from .misc import (
    TestNotificationV1,
)
from .project import (
    ProjectDeletedV1,
    ProjectEditV1,
    ProjectForkedV1,
    ProjectGroupAccessUpdatedV1,
    ProjectGroupAddedV1,
    ProjectGroupRemovedV1,
    ProjectNewV1,
    ProjectTagEditedV1,
    ProjectTagRemovedV1,
    ProjectUserAccessUpdatedV1,
    ProjectUserAddedV1,
    ProjectUserRemovedV1,
)
from .pull_request import (
    PullRequestAssignedAddedV1,
    PullRequestAssignedResetV1,
    PullRequestClosedV1,
    PullRequestCommentAddedV1,
    PullRequestCommentEditedV1,
    PullRequestFlagAddedV1,
    PullRequestFlagUpdatedV1,
    PullRequestInitialCommentEditedV1,
    PullRequestNewV1,
    PullRequestRebasedV1,
    PullRequestReopenedV1,
    PullRequestTagAddedV1,
    PullRequestTagRemovedV1,
    PullRequestUpdatedV1,
    RequestAssignedAddedV1,
    RequestAssignedResetV1,
)

__version__ = "0.1.0"
__all__ = [
    "CommitFlagAddedV1",
    "CommitFlagUpdatedV1",
    "GitBranchCreationV1",
    "GitBranchDeletionV1",
    "GitMessage",
    "GitReceiveV1",
    "GitTagCreationV1",
    "GitTagDeletionV1",
    "GroupEditV1",
    "IssueAssignedAddedV1",
    "IssueAssignedResetV1",
    "IssueCommentAddedV1",
    "IssueCommentEditedV1",
    "IssueDependencyAddedV1",
    "IssueDependencyRemovedV1",
    "IssueDropV1",
    "IssueEditV1",
    "IssueMessage",
    "IssueNewV1",
    "IssueTagAddedV1",
    "IssueTagRemovedV1",
    "PagureMessage",
    "ProjectDeletedV1",
    "ProjectEditV1",
    "ProjectForkedV1",
    "ProjectGroupAccessUpdatedV1",
    "ProjectGroupAddedV1",
    "ProjectGroupRemovedV1",
    "ProjectMessage",
    "ProjectNewV1",
    "ProjectTagEditedV1",
    "ProjectTagRemovedV1",
    "ProjectUserAccessUpdatedV1",
    "ProjectUserAddedV1",
    "ProjectUserRemovedV1",
    "PullRequestAssignedAddedV1",
    "PullRequestAssignedResetV1",
    "PullRequestClosedV1",
    "PullRequestCommentAddedV1",
    "PullRequestCommentEditedV1",
    "PullRequestFlagAddedV1",
    "PullRequestFlagUpdatedV1",
    "PullRequestInitialCommentEditedV1",
    "PullRequestMessage",
    "PullRequestNewV1",
    "PullRequestRebasedV1",
    "PullRequestReopenedV1",
    "PullRequestTagAddedV1",
    "PullRequestTagRemovedV1",
    "PullRequestUpdatedV1",
    "RequestAssignedAddedV1",
    "RequestAssignedResetV1",
    "TestNotificationV1",
    "__version__",
]

warn_about_conflicts("fedora-bus-schemas-pagure", "pagure-messages", "pagure_messages")
