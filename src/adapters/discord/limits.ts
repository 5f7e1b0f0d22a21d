/** Discord's documented limits, and the shapes the renderer hands the adapter. */
import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIModalInteractionResponseCallbackData,
} from "discord.js";
import { CUSTOM_ID_MAX } from "./custom-id";

/** Discord's documented limits that the renderer enforces (lengths in UTF-16 units, which never undercount). */
export const DISCORD_LIMITS = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  buttonLabel: 80,
  /** A link button's URL. */
  linkUrl: 512,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  placeholder: 150,
  customId: CUSTOM_ID_MAX,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  embeds: 10,
  allowedMentionUsers: 100,
  modalTitle: 45,
  modalComponents: 5,
  labelText: 45,
  labelDescription: 100,
  textInputValue: 4000,
  textInputPlaceholder: 100,
} as const;

/** One message to send (or to edit, for `settledMessage`); the adapter adds flags such as ephemeral. */
export interface DiscordMessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  allowed_mentions: APIAllowedMentions;
}

export type DiscordModal = APIModalInteractionResponseCallbackData;

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
