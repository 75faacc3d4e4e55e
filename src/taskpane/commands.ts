// The ribbon button opens the task pane (ShowTaskpane in the manifest); no commands run here.
void Office.onReady();
