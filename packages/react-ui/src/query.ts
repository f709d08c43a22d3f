// @presence-kit/react-ui/query: components that read through react-query (a peer you opt into).
export { ActiveRooms, type ActiveRoomsProps } from './active-rooms/active-rooms.js';
