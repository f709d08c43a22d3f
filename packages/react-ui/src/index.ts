// @presence-kit/react-ui: the public API. Explicit exports only, so the surface is reviewed, not accidental.
// Each component comes as a connected default (reads the room through @presence-kit/react hooks) and a
// presentational `…View` that takes plain props. `ActiveRooms` (react-query) lives in '@presence-kit/react-ui/query'.

export {
  type ActiveRoomSummary,
  type ActiveRoomsText,
  ActiveRoomsView,
  type ActiveRoomsViewProps,
} from './active-rooms/active-rooms-view.js';
export { Avatar, type AvatarProps, type AvatarSize } from './avatar-stack/avatar.js';
export { AvatarStack, type AvatarStackProps } from './avatar-stack/avatar-stack.js';
export {
  AvatarStackHiddenPerson,
  AvatarStackItem,
  type AvatarStackItemProps,
  AvatarStackOverflow,
  type AvatarStackOverflowProps,
  AvatarStackRoot,
  type AvatarStackRootProps,
} from './avatar-stack/avatar-stack-parts.js';
export { AvatarStackView, type AvatarStackViewProps } from './avatar-stack/avatar-stack-view.js';
export { safeText } from './internal/safe-text.js';
export { safeImageUrl } from './internal/safe-url.js';
export {
  arrangeRows,
  DEFAULT_STATUS_ORDER,
  type OnlineListRow,
  type OnlineListSort,
} from './online-list/arrange-rows.js';
export { OnlineList, type OnlineListProps } from './online-list/online-list.js';
export { DEFAULT_ONLINE_LIST_TEXT, type OnlineListText } from './online-list/online-list-frame.js';
export { OnlineListItem, type OnlineListItemProps } from './online-list/online-list-item.js';
export {
  type OnlineListCommonProps,
  OnlineListView,
  type OnlineListViewProps,
} from './online-list/online-list-view.js';
export {
  defaultPresenceAccessor,
  type PersonSummary,
  type PresenceAccessor,
  type PresenceFields,
  type PresenceSource,
  toPersonSummary,
} from './person-summary.js';
export { PresenceIndicator, type PresenceIndicatorProps } from './presence-indicator/presence-indicator.js';
export {
  PresenceIndicatorView,
  type PresenceIndicatorViewProps,
  type PresenceState,
} from './presence-indicator/presence-indicator-view.js';
export { StatusPicker, type StatusPickerProps } from './status-picker/status-picker.js';
export {
  DEFAULT_STATUSES,
  type StatusOption,
  StatusPickerView,
  type StatusPickerViewProps,
} from './status-picker/status-picker-view.js';
export { ViewerCount, type ViewerCountMetric, type ViewerCountProps } from './viewer-count/viewer-count.js';
export { type LoadState, ViewerCountView, type ViewerCountViewProps } from './viewer-count/viewer-count-view.js';
