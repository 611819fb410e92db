// A worker task module that cannot even load: every worker fails during start-up.
throw new Error('this worker module fails to load');
