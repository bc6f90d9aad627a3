/** What the installation pages say for a 404: the API answers the same for a foreign team's id as for an unknown one. */
export const INSTALLATION_NOT_FOUND = 'This installation does not exist, or you are not in its team.';
